package cn.jiandu.document;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * jiandu.document.*: how the bureau names itself on its documents.
 *
 * @param bureauAbbreviation the abbreviation that opens every document number (文号), e.g. 示分
 * @param bureauName the bureau's full name, printed in red at the head of every document
 */
@Validated
@ConfigurationProperties("jiandu.document")
public record DocumentProperties(
        @DefaultValue("示分") @NotBlank String bureauAbbreviation,
        @DefaultValue("示范市公安局示范分局") @NotBlank String bureauName) {
}
