/**
 * Web security, Camunda authentication and authorizations, the roles (角色), the engine API
 * guards and the current user. Serves every capability's controllers; organisation depends
 * on it, never the reverse.
 */
package cn.jiandu.security;
