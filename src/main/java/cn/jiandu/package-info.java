/**
 * Jiandu (监督): law-enforcement supervision (执法监督) on an embedded Camunda 7 engine. Holds
 * only the application class; each capability has a package of its own beneath it.
 */
package cn.jiandu;
