using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace RefugeeHome.Soak;

/// <summary>
/// Where the soak's households stand, as their emails tell: registered, available, matched, moved in, retired; with
/// when each step happened, for the latencies.
/// </summary>
internal sealed partial class SoakJourneys(int hosts, int placements)
{
    private const int RegistrationsPerRound = 200;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _registered = new();
    private readonly ConcurrentDictionary<string, string> _hostIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _available = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _matched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _movedIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _retired = new(StringComparer.Ordinal);

    public int Registered => _registered.Count;

    public int Available => _available.Count;

    public int Matched => _matched.Count;

    public int Retired => _retired.Count;

    /// <summary>How far the journeys have come, in steps: each host available, and each placement matched, moved in and ended.</summary>
    public int Progress => _available.Count + _matched.Count + _movedIn.Count + _retired.Count;

    public bool Done => _available.Count == hosts && _retired.Count == placements;

    /// <summary>Hosts registered and their emails, for the latencies: registration to availability.</summary>
    public IEnumerable<TimeSpan> AvailabilityLatencies =>
        _registered.Select(entry => _available.TryGetValue(SoakPeople.HostEmail(entry.Key), out var available) ? available - entry.Value : (TimeSpan?)null)
            .OfType<TimeSpan>();

    /// <summary>From the matcher's approval to the host's retirement, for each placement that ended.</summary>
    public IEnumerable<TimeSpan> PlacementLatencies =>
        _matched.Select(entry => _retired.TryGetValue(entry.Key, out var retired) ? retired - entry.Value : (TimeSpan?)null).OfType<TimeSpan>();

    /// <summary>Registers the next hosts that are not registered yet, eight at a time.</summary>
    public async Task RegisterHostsAsync(SoakPeople people)
    {
        var next = Enumerable.Range(0, hosts).Where(number => !_registered.ContainsKey(number)).Take(RegistrationsPerRound).ToList();
        await Parallel.ForEachAsync(next, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (number, _) =>
        {
            var sentAt = DateTimeOffset.UtcNow;
            if (await people.RegisterHostAsync(number))
            {
                _registered.TryAdd(number, sentAt);
            }
        });
    }

    /// <summary>Registers the guest households not registered yet.</summary>
    public async Task RegisterGuestsAsync(SoakPeople people, ConcurrentDictionary<int, string> registered) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, placements).Where(number => !registered.ContainsKey(number)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (number, _) =>
            {
                if (await people.RegisterGuestAsync(number) is { } id)
                {
                    registered.TryAdd(number, id);
                }
            });

    /// <summary>Takes in what the outbox says of each host's journey.</summary>
    public void Observe(IReadOnlyList<SoakEmail> outbox)
    {
        foreach (var email in outbox)
        {
            if (email.Subject.StartsWith("Your registration as a host household has been received", StringComparison.Ordinal) && HostId().Match(email.Html) is { Success: true } id)
            {
                _hostIds.TryAdd(email.To, id.Value);
            }

            var step = email.Subject switch
            {
                var subject when subject.StartsWith("You are available for a match", StringComparison.Ordinal) => _available,
                var subject when subject.StartsWith("A guest household has been found for you", StringComparison.Ordinal) => _matched,
                var subject when subject.StartsWith("Your guests have moved in", StringComparison.Ordinal) => _movedIn,
                var subject when subject.StartsWith("You have stopped as a host household", StringComparison.Ordinal) => _retired,
                _ => null,
            };
            step?.TryAdd(email.To, email.ReceivedAt);
        }
    }

    /// <summary>The stage of every host and guest household's workflow, as the coordinator endpoint tells it, counted.</summary>
    public async Task<IReadOnlyDictionary<string, int>> StagesAsync(SoakPeople people, ConcurrentDictionary<int, string> guests)
    {
        var stages = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var cases = _hostIds.Values.Select(id => ("host", id)).Concat(guests.Values.Select(id => ("guest", id))).ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, _) =>
        {
            var stage = await people.StageAsync(entry.Item2) ?? "unreadable";
            stages.AddOrUpdate($"{entry.Item1} {stage}", 1, (_, count) => count + 1);
        });
        stages.TryAdd("host without a welcome", hosts - _hostIds.Count);
        return stages;
    }

    /// <summary>How many households are not where the soak leaves them: hosts available or retired, guests departed.</summary>
    public int Unsettled(IReadOnlyDictionary<string, int> stages) =>
        hosts + placements - stages.GetValueOrDefault("host Available") - stages.GetValueOrDefault("host Retired") - stages.GetValueOrDefault("guest Departed");

    [GeneratedRegex("host-[0-9a-f]{32}")]
    private static partial Regex HostId();
}
