/**
 * The organisation (组织机构): units, officers (民警) and the roles they hold, kept in step with
 * Camunda's users and groups. Serves every capability that needs to know who is who.
 */
package cn.jiandu.organisation;
