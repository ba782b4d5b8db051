/**
 * Notifications (通知): the outbox written in the caller's transaction, its dispatcher, the
 * messages' wording and quiet hours. Serves the rectification process, reports and detection.
 */
package cn.jiandu.notification;
