package cn.jiandu.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScoreRankingTest {

    @Test
    void shouldRankByScoreThenCodeWithEqualScoresSharingARank() {
        List<ScoreEntry> ranking = ScoreService.rank(List.of(
                new ScoreMapper.Total("C", "丙所", null, null, 3),
                new ScoreMapper.Total("B", "乙所", null, null, 0),
                new ScoreMapper.Total("A", "甲所", null, null, 0),
                new ScoreMapper.Total("D", "丁所", null, null, 8)), 100, false);
        assertThat(ranking).extracting(ScoreEntry::code).containsExactly("A", "B", "C", "D");
        assertThat(ranking).extracting(ScoreEntry::rank).containsExactly(1, 1, 3, 4);
        assertThat(ranking).extracting(ScoreEntry::score).containsExactly(100, 100, 97, 92);
        assertThat(ranking.get(0).unitCode()).isNull();
    }

    @Test
    void shouldGiveOfficersTheirUnit() {
        List<ScoreEntry> ranking = ScoreService.rank(List.of(new ScoreMapper.Total("500002", "陈晓", "CG", "城关派出所", 2)),
                120, true);
        assertThat(ranking.get(0)).isEqualTo(new ScoreEntry(1, "500002", "陈晓", "CG", "城关派出所", 2, 118));
    }
}
