package cn.jiandu.evidence;

import org.springframework.core.io.InputStreamSource;

/** One file of an upload as it came: the name its sender gave and where to read it. */
record Upload(String submittedName, InputStreamSource content) {
}
