package cn.jiandu.organisation;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.jiandu.text.CsvInput;

/**
 * The demo bureau (示范分局): units and one login per role from db/demo/*.csv, imported
 * through the same CSV import an administrator uses. Only with jiandu.demo.seed=true
 * (the demo profile); an upsert, so a restart changes nothing.
 */
@Component
@ConditionalOnProperty(name = "jiandu.demo.seed", havingValue = "true")
class DemoBureau {

    private static final Logger log = LoggerFactory.getLogger(DemoBureau.class);
    private static final String CSV = "text/csv;charset=UTF-8";

    private final OrganisationService organisation;

    DemoBureau(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void seed() throws IOException {
        try (InputStream units = new ClassPathResource("db/demo/units.csv").getInputStream();
             InputStream officers = new ClassPathResource("db/demo/officers.csv").getInputStream()) {
            byte[] unitRows = units.readAllBytes();
            // the units' deputy leaders (分管领导) are officers: the units go in once without them, once with them
            var u = organisation.importUnits(CsvInput.open(new java.io.ByteArrayInputStream(unitRows), CSV), false);
            var o = organisation.importOfficers(CsvInput.open(officers, CSV));
            organisation.importUnits(CsvInput.open(new java.io.ByteArrayInputStream(unitRows), CSV), true);
            log.info("Demo bureau seeded: units {} new / {} updated, officers {} new / {} updated",
                    u.created(), u.updated(), o.created(), o.updated());
        }
    }
}
