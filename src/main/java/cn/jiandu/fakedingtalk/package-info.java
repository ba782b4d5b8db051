/**
 * A local fake of DingTalk (模拟钉钉) that serves the demo profile and the tests, apart from
 * the production client in {@code notification.dingtalk}: the fake server, its inbox page,
 * and the wiring that starts it when {@code jiandu.dingtalk.fake.enabled=true}.
 */
package cn.jiandu.fakedingtalk;
