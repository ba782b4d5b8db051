package cn.jiandu.intake;

/**
 * Published by {@link IntakeService} inside its transaction when a new intake is stored:
 * whoever runs the intake's process (triage and call back) starts it from this, in the same
 * transaction.
 */
public record IntakeReceived(long intakeId) {
}
