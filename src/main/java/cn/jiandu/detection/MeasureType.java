package cn.jiandu.detection;

/** 强制措施种类. */
enum MeasureType implements Labelled {
    BAIL("取保候审"),
    RESIDENTIAL_SURVEILLANCE("监视居住"),
    DETENTION("拘留");

    private final String label;

    MeasureType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
