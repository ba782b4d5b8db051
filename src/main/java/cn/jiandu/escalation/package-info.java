/**
 * The rectification process (整改流程) and its escalation (三色预警): its delegates, listeners,
 * variable names, task rules and Tasklist filters. It alone starts and moves the process;
 * others call its public service.
 */
package cn.jiandu.escalation;
