package cn.jiandu.problem;

/** A unit's problems not yet closed, and how many of them are past their deadline. */
public record UnitProblemCount(String unitCode, long openProblems, long overdueProblems) {
}
