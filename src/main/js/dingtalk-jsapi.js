// The npm package dingtalk-jsapi as one browser script for 免登 (static/dingtalk/login.js):
// the global `dd` with what that page uses, dd.env, dd.ready and dd.requestAuthCode. Bundled by
// `npm run build:js` (esbuild) into target/classes/static/dingtalk/dingtalk-jsapi.js, which the
// Maven build runs: served by the app, never from a CDN.
var dd = require('dingtalk-jsapi/entry/union');
var requestAuthCode = require('dingtalk-jsapi/api/union/requestAuthCode').default;

dd.requestAuthCode = requestAuthCode;
window.dd = dd;
