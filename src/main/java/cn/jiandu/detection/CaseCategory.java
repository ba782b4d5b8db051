package cn.jiandu.detection;

/** 案件类别. */
enum CaseCategory implements Labelled {
    ADMINISTRATIVE("行政"),
    CRIMINAL("刑事");

    private final String label;

    CaseCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
