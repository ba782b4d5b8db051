/**
 * Enforcement quality points (执法质量积分): deductions as problems reach their levels, and the
 * monthly rankings of units and officers (GET /api/scores).
 */
package cn.jiandu.scoring;
