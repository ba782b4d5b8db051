package cn.jiandu.organisation;

/**
 * A unit (单位) of the bureau: a 派出所, a 警种 or a department. {@code leaderOfficerNo} is its
 * deputy leader in charge (分管领导), an officer with the role DEPUTY_LEADER, or null.
 */
public record Unit(String code, String name, String parentCode, UnitKind kind, String leaderOfficerNo) {

    /** A unit without a deputy leader in charge. */
    public Unit(String code, String name, String parentCode, UnitKind kind) {
        this(code, name, parentCode, kind, null);
    }

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
