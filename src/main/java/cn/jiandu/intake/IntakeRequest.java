package cn.jiandu.intake;

/**
 * POST /api/intake. Every field is read as text and checked by {@link IntakeValidation}, so
 * that no error message repeats what was sent (the complainant's data above all).
 */
record IntakeRequest(String source, String ticketNo, String receivedAt, String content, Complainant complainant,
        String unitHint, String incidentNo, String caseNo) {

    /** Who complained; every part may be missing (an anonymous ticket). */
    record Complainant(String name, String phone, String idNumber) {

        @Override
        public String toString() {
            return "Complainant[******]";
        }
    }
}
