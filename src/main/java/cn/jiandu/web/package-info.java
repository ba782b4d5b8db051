/**
 * HTTP concerns only: API errors as RFC 9457 problem details, input errors, the exceptions
 * controllers throw, strict JSON configuration and the paged answer. Imports no capability.
 */
package cn.jiandu.web;
