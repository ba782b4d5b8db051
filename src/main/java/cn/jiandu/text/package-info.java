/**
 * Text helpers that are not HTTP: plain-text rules, CSV input, dates as Chinese official
 * documents write them, and the one FreeMarker set-up for documents (文书), messages and reports.
 */
package cn.jiandu.text;
