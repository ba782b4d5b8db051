package cn.jiandu.evidence;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * jiandu.evidence.*: what a rectification's evidence may be.
 *
 * @param allowedTypes the kinds of file accepted, judged by content (JPEG, PNG, PDF, OFD, DOCX, XLSX, MP4)
 * @param maxFileSize the largest file accepted; Spring's multipart limits stay above it so
 *            that this check answers, in Chinese and naming the file
 * @param maxFiles the most files one upload carries
 */
@Validated
@ConfigurationProperties("jiandu.evidence")
record EvidenceProperties(
        @DefaultValue({"JPEG", "PNG", "PDF", "OFD", "DOCX", "XLSX", "MP4"}) @NotEmpty Set<EvidenceType> allowedTypes,
        @DefaultValue("20MB") @NotNull DataSize maxFileSize,
        @DefaultValue("10") @Min(1) @Max(100) int maxFiles) {
}
