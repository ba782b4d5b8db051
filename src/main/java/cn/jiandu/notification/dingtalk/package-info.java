/**
 * The production DingTalk (钉钉) client: access tokens, work notifications and group robots,
 * and DingTalk's endpoints. Serves the notification dispatcher; knows nothing of the fake.
 */
package cn.jiandu.notification.dingtalk;
