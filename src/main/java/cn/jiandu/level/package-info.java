/**
 * The warning level (三色预警: blue, yellow, red), the one value problems, the rectification
 * process, notifications, scores, detection and reports share; it depends on nothing.
 */
package cn.jiandu.level;
