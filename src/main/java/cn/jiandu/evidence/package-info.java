/**
 * Evidence of rectification (整改佐证材料): files the responsible unit uploads to prove its
 * rectification, judged by their content, stored in the database, shown to the reviewer.
 */
package cn.jiandu.evidence;
