package cn.jiandu.organisation;

/** What kind of unit (单位类型) a unit is. */
public enum UnitKind {
    BUREAU("分局"),
    LEGAL("法制大队"),
    DISCIPLINE("纪委督察室"),
    CRIMINAL_POLICE("刑警大队"),
    STATION("派出所"),
    OTHER("其他");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
