/**
 * Supervision problems (执法问题): registration, state, timeline and reference data, with their
 * API. Serves the rectification process, detection, reports and the people who register them.
 */
package cn.jiandu.problem;
