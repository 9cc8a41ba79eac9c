using Azure.Data.Tables;
using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Storage;

/// <summary>The row changes of one episode, committed together with the instance row.</summary>
/// <param name="State">The instance as it stands after the episode; its ETag guards the commit.</param>
/// <param name="NewHistory">Events to append.</param>
/// <param name="FirstChunk">Chunk number of the first appended chunk (0 for a new execution).</param>
/// <param name="DeleteKeys">Rows to delete: consumed messages, a replaced timer row, garbage.</param>
/// <param name="InsertRows">Rows that must not exist yet.</param>
/// <param name="UpsertRows">Rows written whether or not they exist: outbox messages, index rows.</param>
internal sealed record EpisodeCommit(
    InstanceState State,
    IReadOnlyList<HistoryEvent> NewHistory,
    int FirstChunk,
    IReadOnlyList<string> DeleteKeys,
    IReadOnlyList<TableEntity> InsertRows,
    IReadOnlyList<TableEntity> UpsertRows);
