/**
 * Supervision reports (监督通报), their schedule, and the dashboard API. Reads other
 * capabilities' tables in its own set-based SQL; serves the bureau's leaders.
 */
package cn.jiandu.report;
