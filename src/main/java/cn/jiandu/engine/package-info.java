/**
 * What Jiandu sets up in the embedded Camunda engine: its tuning, its history level, and the
 * decision tables (DMN) as Java calls them. Serves every capability that asks a DMN table.
 */
package cn.jiandu.engine;
