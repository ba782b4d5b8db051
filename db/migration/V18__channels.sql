-- Channels as data (问题来源/监督渠道): each channel's kind, whether it is still offered for
-- new problems, and whether its complainants are called back (回访). Channels are never
-- deleted (problems reference them): an administrator deactivates one instead.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.

ALTER TABLE ref_source ADD COLUMN kind VARCHAR(20) DEFAULT 'OTHER' NOT NULL;
ALTER TABLE ref_source ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE ref_source ADD COLUMN callback BOOLEAN DEFAULT FALSE NOT NULL;

-- the channels seeded by V2 keep their codes and names; they gain a kind and the callback rule
UPDATE ref_source SET kind = 'HOTLINE', callback = TRUE WHERE code IN ('HOTLINE_12345', 'HOTLINE_12389');
UPDATE ref_source SET kind = 'ONLINE', callback = TRUE WHERE code = 'PEOPLES_POLICING';
UPDATE ref_source SET kind = 'MAILBOX', callback = TRUE WHERE code = 'CHIEF_MAILBOX';
UPDATE ref_source SET kind = 'VISIT', callback = TRUE WHERE code IN ('PUBLIC_VISIT', 'PETITION');
UPDATE ref_source SET kind = 'MEDIA', callback = TRUE WHERE code = 'MEDIA';
UPDATE ref_source SET kind = 'JUDICIAL', callback = FALSE
    WHERE code IN ('REVIEW_LITIGATION', 'PROCURATORIAL_SUPERVISION');
UPDATE ref_source SET kind = 'INTERNAL', callback = FALSE
    WHERE code IN ('ONLINE_ENFORCEMENT_PATROL', 'ONLINE_VIDEO_PATROL', 'CASE_REVIEW_EVALUATION', 'RULE_WARNING',
                   'DAILY_INSPECTION', 'ENFORCEMENT_EVALUATION', 'ALARM_REVIEW');
-- 警务回访 is an internal check, but what it finds is a citizen's complaint: that citizen is called back
UPDATE ref_source SET kind = 'INTERNAL', callback = TRUE WHERE code = 'POLICE_REVISIT';

-- the seed bureaus' other channels (22+ 监督渠道 in all)
INSERT INTO ref_source (code, name, sort_order, kind, active, callback) VALUES
    ('ALARM_110', '110接处警', 180, 'HOTLINE', TRUE, TRUE),
    ('PUBLIC_OPINION_CENTRE', '民意中心', 190, 'HOTLINE', TRUE, TRUE),
    ('LETTER', '群众来信', 200, 'MAILBOX', TRUE, TRUE),
    ('ONLINE_PETITION', '网上信访', 210, 'ONLINE', TRUE, TRUE),
    ('DISCIPLINE_REFERRAL', '纪委监委移交', 220, 'INTERNAL', TRUE, FALSE),
    ('COURT_JUDICIAL_ADVICE', '法院司法建议', 230, 'JUDICIAL', TRUE, FALSE),
    ('NPC_DEPUTY_SUGGESTION', '人大代表建议', 240, 'OTHER', TRUE, FALSE),
    ('CPPCC_PROPOSAL', '政协委员提案', 250, 'OTHER', TRUE, FALSE),
    ('ONLINE_INSPECTION', '网上督察', 260, 'INTERNAL', TRUE, FALSE),
    ('ENFORCEMENT_APPRAISAL', '执法评议', 270, 'INTERNAL', TRUE, FALSE),
    ('AUDIT', '审计监督', 280, 'INTERNAL', TRUE, FALSE);
