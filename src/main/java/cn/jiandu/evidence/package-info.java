/**
 * Evidence of a rectification (整改佐证材料): the files a problem's unit or the legal department
 * uploads, judged by their content and stored in the database; serves the API and, through
 * {@link cn.jiandu.evidence.EvidenceService}, the rectification process.
 */
package cn.jiandu.evidence;
