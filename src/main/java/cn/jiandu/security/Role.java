package cn.jiandu.security;

/**
 * The roles an officer may hold. Each role is also a Camunda group whose id is the role
 * code, so that BPMN candidate groups and authorizations can name it.
 */
public enum Role {
    OFFICER("办案民警"),
    UNIT_HEAD("单位负责人"),
    LEGAL_OFFICER("法制员"),
    LEGAL_CAPTAIN("法制大队长"),
    DISCIPLINE_INSPECTOR("纪委督察"),
    DEPUTY_LEADER("分管局领导"),
    CHIEF("局主要领导"),
    COMMITTEE("执法监督委员会"),
    ADMIN("系统管理员"),
    /**
     * A process owner (流程管理员): deploys BPMN, DMN and forms through the engine REST API
     * (the Modeler's deploy button), reads the Cockpit and moves running problems to a new
     * version (/api/admin/processes); no users, groups, authorizations or problems.
     */
    PROCESS_OWNER("流程管理员"),
    /**
     * A channel platform's machine account (接口账号): hands tickets in and reads them
     * (/api/intake) and nothing else, whatever other role it is given.
     */
    INTAKE("接口账号");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }

    /** The Camunda group of the role. */
    public String groupId() {
        return name();
    }
}
