/**
 * Detection (问题发现): ledger imports (台账), the rules and their scheduled runs, findings,
 * and unit statistics. Serves the supervisors; registers what it finds as problems.
 */
package cn.jiandu.detection;
