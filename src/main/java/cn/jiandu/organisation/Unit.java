package cn.jiandu.organisation;

/** A unit (单位) of the bureau: a 派出所, a 警种 or a department. */
public record Unit(String code, String name, String parentCode, UnitKind kind) {

    /** The Camunda group whose members are the unit's officers. */
    public String groupId() {
        return groupIdOf(code);
    }

    public static String groupIdOf(String unitCode) {
        return "unit_" + unitCode;
    }

    /** The Camunda group of the unit's heads (单位负责人): they sign for the unit. */
    public static String headGroupIdOf(String unitCode) {
        return "head_" + unitCode;
    }
}
