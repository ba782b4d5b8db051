/**
 * The problem pages (问题详情页): server-rendered Chinese HTML for people rather than API
 * clients — a problem's page (GET /problems/{id}), the list (GET /problems) and registration
 * for staff who do not use the Tasklist (/problems/new). They read through the capabilities'
 * public services (problem, escalation, evidence, organisation) with the API's visibility
 * rules, and their buttons call the JSON API.
 */
package cn.jiandu.page;
