package cn.jiandu.problem;

/**
 * PUT /api/admin/sources/{code}: the channel's name and kind (a {@link SourceKind}'s name,
 * checked by {@link ChannelRules} so that a wrong one is answered in Chinese); {@code active} (default true) and
 * {@code callback} (default: the kind's rule, {@link SourceKind#callsBackByDefault()}) may be left out.
 */
record ChannelRequest(String name, String kind, Boolean active, Boolean callback) {
}
