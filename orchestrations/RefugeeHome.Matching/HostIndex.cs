using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace RefugeeHome.Matching;

/// <summary>
/// The available hosts of one day in a compact, column-wise form for ranking many households at once. Hosts that the
/// hard rules cannot tell apart share a rule class, hosts the soft score cannot tell apart share a score class, so a
/// household is judged once per class with the very same <see cref="HardRules"/> and <see cref="SoftScore"/>, and
/// only the hosts of its best classes are visited. Hosts are kept in host-id order, the order ties are broken in.
/// </summary>
public sealed class HostIndex
{
    private static readonly IReadOnlySet<string> NoDeclines = new HashSet<string>();
    private readonly HostOffer[] _hosts;
    private readonly int[] _ruleClassOf;
    private readonly HostOffer[] _ruleRepresentatives;
    private readonly HostOffer[] _scoreRepresentatives;
    private readonly int[][] _scoreMembers;
    private readonly int[] _ruleClassSizes;
    private readonly string[] _hostIds;
    private readonly int[] _hostsWithDeclines;
    private readonly DateOnly _today;
    private readonly MatchingOptions _options;

    // Households the hard rules cannot tell apart get the same verdict on every rule class; many share one.
    private readonly ConcurrentDictionary<string, RuleVerdict> _verdictByGuestKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScoreOrder> _orderByGuestScoreKey = new(StringComparer.Ordinal);

    private HostIndex(HostOffer[] hosts, int[] ruleClassOf, HostOffer[] ruleRepresentatives, HostOffer[] scoreRepresentatives, int[][] scoreMembers, DateOnly today, MatchingOptions options)
    {
        _hosts = hosts;
        _ruleClassOf = ruleClassOf;
        _ruleRepresentatives = ruleRepresentatives;
        _scoreRepresentatives = scoreRepresentatives;
        _scoreMembers = scoreMembers;
        _ruleClassSizes = new int[ruleRepresentatives.Length];
        foreach (var ruleClass in ruleClassOf)
        {
            _ruleClassSizes[ruleClass]++;
        }

        _hostIds = hosts.Select(host => host.HostId).ToArray();
        _hostsWithDeclines = Enumerable.Range(0, hosts.Length).Where(index => hosts[index].DeclinedGuests.Count > 0).ToArray();
        _today = today;
        _options = options;
    }

    /// <summary>How many hosts the index holds.</summary>
    public int Count => _hosts.Length;

    /// <summary>How many rule classes and score classes the hosts fall into.</summary>
    public (int RuleClasses, int ScoreClasses) Classes => (_ruleRepresentatives.Length, _scoreRepresentatives.Length);

    /// <summary>Builds the index of <paramref name="hosts"/> for <paramref name="today"/>.</summary>
    public static HostIndex Build(IReadOnlyList<HostOffer> hosts, DateOnly today, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = hosts.OrderBy(host => host.HostId, StringComparer.Ordinal).ToArray();
        var ruleClasses = new Dictionary<string, int>(StringComparer.Ordinal);
        var ruleRepresentatives = new List<HostOffer>();
        var scoreClasses = new Dictionary<string, int>(StringComparer.Ordinal);
        var scoreRepresentatives = new List<HostOffer>();
        var scoreMembers = new List<List<int>>();
        var ruleClassOf = new int[ordered.Length];
        for (var index = 0; index < ordered.Length; index++)
        {
            var host = ordered[index];
            ruleClassOf[index] = ClassOf(ruleClasses, ruleRepresentatives, RuleKey(host, today, options), host with { DeclinedGuests = NoDeclines });
            var scoreClass = ClassOf(scoreClasses, scoreRepresentatives, ScoreKey(host), host with { DeclinedGuests = NoDeclines });
            if (scoreClass == scoreMembers.Count)
            {
                scoreMembers.Add([]);
            }

            scoreMembers[scoreClass].Add(index);
        }

        return new HostIndex(ordered, ruleClassOf, [.. ruleRepresentatives], [.. scoreRepresentatives],
            scoreMembers.Select(members => members.ToArray()).ToArray(), today, options);
    }

    /// <summary>
    /// Every host the hard rules allow for <paramref name="guest"/>, best first and, within a score, in host-id order,
    /// produced as they are asked for: a caller that needs more later continues where it stopped.
    /// </summary>
    public IEnumerable<(HostOffer Host, double Score)> Ranked(GuestHousehold guest)
    {
        ArgumentNullException.ThrowIfNull(guest);
        var allowed = Verdict(guest).Allowed;
        return allowed.Contains(true) ? RankedAllowed(guest, allowed) : [];
    }

    /// <summary>
    /// How many hosts each hard rule rules out for <paramref name="guest"/>, each counted by the first rule it breaks;
    /// the hosts not counted are the ones <see cref="Ranked"/> produces.
    /// </summary>
    public IReadOnlyDictionary<Exclusion, int> Excluded(GuestHousehold guest)
    {
        ArgumentNullException.ThrowIfNull(guest);
        var (allowed, excludedByClass) = Verdict(guest);
        var excluded = new Dictionary<Exclusion, int>(excludedByClass);

        // Declining is the last rule, so only hosts every other rule allows count as declined.
        var declined = guest.DeclinedHosts.Select(IndexOf).Where(index => index >= 0).Concat(_hostsWithDeclines)
            .Distinct().Count(index => allowed[_ruleClassOf[index]] && HardRules.Declined(guest, _hosts[index]));
        if (declined > 0)
        {
            excluded[Exclusion.DeclinedBefore] = declined;
        }

        return excluded;
    }

    private int IndexOf(string hostId) => Array.BinarySearch(_hostIds, hostId, StringComparer.Ordinal) is var index and >= 0 ? index : -1;

    private IEnumerable<(HostOffer Host, double Score)> RankedAllowed(GuestHousehold guest, bool[] allowed)
    {
        var ((groups, classes), householdPart) = ScoreGroups(guest);
        for (var group = 0; group < groups.Length;)
        {
            // The total is computed as SoftScore.Total computes it. Two host parts a rounding apart can give one total;
            // their groups then tie, and a tie is broken by host id.
            var score = groups[group].HostPart + householdPart;

            // Within one score the classes' members, each in id order, are merged so lower ids come first.
            var cursors = new PriorityQueue<(int Class, int Position), int>(groups[group].End - groups[group].Start);
            for (; group < groups.Length && groups[group].HostPart + householdPart == score; group++)
            {
                for (var position = groups[group].Start; position < groups[group].End; position++)
                {
                    cursors.Enqueue((classes[position], 0), _scoreMembers[classes[position]][0]);
                }
            }

            while (cursors.TryDequeue(out var cursor, out var index))
            {
                var host = _hosts[index];
                if (allowed[_ruleClassOf[index]] && !HardRules.Declined(guest, host))
                {
                    yield return (host, score);
                }

                var members = _scoreMembers[cursor.Class];
                if (cursor.Position + 1 < members.Length)
                {
                    cursors.Enqueue((cursor.Class, cursor.Position + 1), members[cursor.Position + 1]);
                }
            }
        }
    }

    // The host's part of the score takes few distinct values (each factor is all or part of its weight), so classes are
    // grouped by value, best first, instead of sorted one by one. The household's part (waiting, rematch priority) is
    // the same for every host, so households that differ only in it share one grouping.
    private (ScoreOrder Order, double HouseholdPart) ScoreGroups(GuestHousehold guest) =>
        (_orderByGuestScoreKey.GetOrAdd(GuestScoreKey(guest), _ => Order(guest)), SoftScore.HouseholdPart(guest, _today, _options));

    private ScoreOrder Order(GuestHousehold guest)
    {
        var count = _scoreRepresentatives.Length;
        var hostParts = ArrayPool<double>.Shared.Rent(count);
        // First the size of each value's group; then, once groups are laid out best first, its next free slot.
        var slots = new Dictionary<double, int>();
        for (var scoreClass = 0; scoreClass < count; scoreClass++)
        {
            hostParts[scoreClass] = SoftScore.HostPart(guest, _scoreRepresentatives[scoreClass], _options);
            CollectionsMarshal.GetValueRefOrAddDefault(slots, hostParts[scoreClass], out _)++;
        }

        var values = slots.Keys.OrderDescending().ToArray();
        var groups = new (double HostPart, int Start, int End)[values.Length];
        for (int group = 0, start = 0; group < values.Length; group++)
        {
            var size = slots[values[group]];
            groups[group] = (values[group], start, start + size);
            slots[values[group]] = start;
            start += size;
        }

        var classes = new int[count];
        for (var scoreClass = 0; scoreClass < count; scoreClass++)
        {
            classes[slots[hostParts[scoreClass]]++] = scoreClass;
        }

        ArrayPool<double>.Shared.Return(hostParts);
        return new ScoreOrder(groups, classes);
    }

    private RuleVerdict Verdict(GuestHousehold guest) => _verdictByGuestKey.GetOrAdd(GuestRuleKey(guest), _ => JudgeRuleClasses(guest));

    private RuleVerdict JudgeRuleClasses(GuestHousehold guest)
    {
        // Declines name single hosts, so the classes are judged without them and each visited host is checked.
        var probe = guest with { DeclinedHosts = NoDeclines };
        var allowed = new bool[_ruleRepresentatives.Length];
        var excluded = new Dictionary<Exclusion, int>();
        for (var ruleClass = 0; ruleClass < _ruleRepresentatives.Length; ruleClass++)
        {
            if (HardRules.FirstBroken(probe, _ruleRepresentatives[ruleClass], _today, _options) is { } rule)
            {
                excluded[rule] = excluded.GetValueOrDefault(rule) + _ruleClassSizes[ruleClass];
            }
            else
            {
                allowed[ruleClass] = true;
            }
        }

        return new RuleVerdict(allowed, excluded);
    }

    // Everything HardRules reads of a household, apart from its declines.
    private static string GuestRuleKey(GuestHousehold guest) => string.Join('|',
        guest.EligibilityRecorded, guest.UnaccompaniedMinor, guest.Size, guest.Minors > 0, string.Join(',', guest.Pets.Order()), guest.NeedsStepFree, guest.Kind);

    // Everything SoftScore.HostPart reads of a household.
    private static string GuestScoreKey(GuestHousehold guest) => string.Join('|',
        string.Join(',', guest.Languages.Order(StringComparer.Ordinal)), guest.PreferredMunicipality?.ToUpperInvariant(), guest.PreferredRegion?.ToUpperInvariant(),
        guest.PreferredPosition, guest.WishedAccommodation, guest.Smokers, guest.Minors > 0);

    private static int ClassOf(Dictionary<string, int> classes, List<HostOffer> representatives, string key, HostOffer representative)
    {
        if (!classes.TryGetValue(key, out var id))
        {
            id = representatives.Count;
            classes.Add(key, id);
            representatives.Add(representative);
        }

        return id;
    }

    // Everything HardRules reads of a host, apart from its declines.
    private static string RuleKey(HostOffer host, DateOnly today, MatchingOptions options) => string.Join('|',
        host.Capacity, host.AcceptsChildren, host.ChildSafetyScreened, string.Join(',', host.AcceptedPets.Order()), host.StepFree,
        host.AvailableFrom > today, host.AvailableUntil is { } until && until < today.AddDays(options.MinimumStayDays),
        string.Join(',', host.AcceptedHouseholds.Order()));

    // Everything SoftScore reads of a host.
    private static string ScoreKey(HostOffer host) => string.Join('|',
        string.Join(',', host.Languages.Order(StringComparer.Ordinal)), host.Municipality.ToUpperInvariant(), host.Region.ToUpperInvariant(), host.Position,
        host.Accommodation, host.SmokeFree, host.WelcomesFamilies);

    // A household's score classes best first: group g holds Classes[Start..End], whose host part of the score is HostPart.
    private sealed record ScoreOrder((double HostPart, int Start, int End)[] Groups, int[] Classes);

    // Which rule classes a household may have, and how many hosts each rule rules out for it, apart from declines.
    private sealed record RuleVerdict(bool[] Allowed, IReadOnlyDictionary<Exclusion, int> Excluded);
}
