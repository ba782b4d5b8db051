package cn.jiandu.detection;

/**
 * The unit of a rule's threshold. "Within N days" is at most N×24 hours later: exactly 72
 * hours after the start is still within 3 days. Working days end with the whole N-th
 * working day after the start's date (WorkCalendar), as the process's deadlines do.
 */
enum ThresholdUnit {
    HOURS(3600, "小时"),
    CALENDAR_DAYS(86_400, "日"),
    WORKING_DAYS(86_400, "个工作日");

    private final long seconds;
    private final String label;

    ThresholdUnit(long seconds, String label) {
        this.seconds = seconds;
        this.label = label;
    }

    /**
     * Seconds of an amount, counting a working day as a calendar day: never longer than the
     * real period, so a query by it finds every record the exact rule finds, and more.
     */
    long seconds(int amount) {
        return seconds * amount;
    }

    String describe(int amount) {
        return amount + label;
    }
}
