package cn.jiandu.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a monthly score ranking (积分排名): a unit (code = unit code) or an officer
 * (code = 警号, with his unit). score = the monthly base − deducted. Equal scores share a
 * rank (并列), the next rank counts them: 1, 1, 3.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreEntry(int rank, String code, String name, String unitCode, String unitName, int deducted,
        int score) {
}
