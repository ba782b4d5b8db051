/**
 * Intake (诉求受理): the tickets the public's channels hand in (a channel's platform through a
 * machine account with the INTAKE role, or a legal officer), de-duplicated by channel and
 * ticket number (one at a time, or a CSV file of them all or nothing), with the complainant's
 * personal data encrypted at rest and shown masked.
 * Triage, the call back and the figures build on it.
 */
package cn.jiandu.intake;
