-- A document's number (文号) is taken when its transaction commits, no longer when it is
-- issued (DocumentService): the row is stored first without seq and number, which the same
-- transaction fills in just before it commits, so the type's sequence row is locked for
-- the commit alone and not for the whole process step. No committed row lacks them.
-- (MySQL/MariaDB syntax; db/vendor/h2 holds the same change for H2.)
ALTER TABLE doc_document MODIFY seq INT NULL;
ALTER TABLE doc_document MODIFY number VARCHAR(64) NULL;
