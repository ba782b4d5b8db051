/**
 * The public's personal data (个人信息保护): the cipher and blind index that keep a complainant's
 * name, phone and id number out of the database in clear, the masks everyone sees, and the
 * checks of Chinese phone and id numbers. No class here logs a value.
 */
package cn.jiandu.privacy;
