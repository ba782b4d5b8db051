package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.jiandu.level.Level;

/** Reading the variables every step needs. */
final class Variables {

    private Variables() {
    }

    static long problemId(VariableScope scope) {
        Object id = scope.getVariable(Rectification.PROBLEM_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("The process has no problemId");
        }
        return number.longValue();
    }

    static Level level(VariableScope scope) {
        return Level.valueOf((String) scope.getVariable(Rectification.LEVEL));
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
