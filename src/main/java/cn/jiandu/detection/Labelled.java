package cn.jiandu.detection;

/** A code with its Chinese name; a ledger may give either (CRIMINAL or 刑事). */
interface Labelled {
    String label();
}
