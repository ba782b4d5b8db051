package cn.jiandu.detection;

/** 警情类别. */
enum IncidentCategory implements Labelled {
    ADMINISTRATIVE("行政"),
    CRIMINAL("刑事"),
    OTHER("其他");

    private final String label;

    IncidentCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
