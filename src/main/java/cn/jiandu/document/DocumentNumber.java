package cn.jiandu.document;

/**
 * A document number (文号) as the bureaus write it: bureau abbreviation, type word, 字,
 * the year in hexagonal brackets 〔〕 (U+3014, U+3015, as GB/T 9704 prescribes), 第, the
 * sequence of the year with at least three digits, 号: 示分法建字〔2026〕第007号.
 */
final class DocumentNumber {

    private DocumentNumber() {
    }

    static String format(String bureauAbbreviation, DocumentType type, int year, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive: " + sequence);
        }
        return bureauAbbreviation + type.numberWord() + "字\u3014" + year + "\u3015第" + String.format("%03d", sequence)
                + "号";
    }
}
