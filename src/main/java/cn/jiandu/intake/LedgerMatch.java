package cn.jiandu.intake;

import java.util.Optional;

/**
 * What the ledgers hold of a ticket's incident or case number (警情、案件) and their open
 * findings, as a short markdown text for the triage form; empty when nothing matches.
 * Provided by detection, which owns the ledgers (it knows intake, not the other way round).
 */
public interface LedgerMatch {

    Optional<String> describe(String incidentNo, String caseNo);
}
