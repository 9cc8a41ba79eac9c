namespace RefugeeHome.Matching;

/// <summary>Kinds of pets a guest household brings or a host accepts.</summary>
public enum PetKind
{
    /// <summary>A cat.</summary>
    Cat,

    /// <summary>A dog.</summary>
    Dog,

    /// <summary>Any other animal.</summary>
    Other,
}

/// <summary>Who makes up a guest household, as far as a host's wishes go.</summary>
public enum HouseholdKind
{
    /// <summary>One adult.</summary>
    SingleAdult,

    /// <summary>Women, with or without children, and no adult men.</summary>
    WomenAndChildren,

    /// <summary>Parents or carers with children.</summary>
    Family,

    /// <summary>Adults without children.</summary>
    Adults,
}

/// <summary>How separate the guests' living space is; higher is more separate.</summary>
public enum Accommodation
{
    /// <summary>A private bedroom, shared kitchen and bathroom.</summary>
    PrivateRoom,

    /// <summary>Private room and bathroom.</summary>
    PrivateRoomAndBathroom,

    /// <summary>A separate dwelling (annex, flat).</summary>
    SeparateDwelling,
}

/// <summary>What a host household offers; ids and stages only, no address.</summary>
/// <param name="HostId">Opaque id of the host household.</param>
/// <param name="Municipality">Canonical municipality.</param>
/// <param name="Region">Province or region.</param>
/// <param name="Capacity">How many people can stay.</param>
/// <param name="AcceptsChildren">Minors are welcome.</param>
/// <param name="ChildSafetyScreened">The child-safety part of the screening is recorded.</param>
/// <param name="AcceptedPets">Pet kinds the host accepts.</param>
/// <param name="StepFree">Ground floor or no stairs to the guests' room.</param>
/// <param name="AvailableFrom">First day guests can move in.</param>
/// <param name="AvailableUntil">Last day guests can stay, if the host gave one.</param>
/// <param name="AcceptedHouseholds">Household kinds the host accepts.</param>
/// <param name="Languages">Languages spoken in the household (ISO codes; "other" for the rest).</param>
/// <param name="Accommodation">The guests' living space.</param>
/// <param name="SmokeFree">Nobody smokes in the home and guests may not.</param>
/// <param name="WelcomesFamilies">The host would like a family with children.</param>
/// <param name="DeclinedGuests">Guest households this host declined.</param>
public sealed record HostOffer(
    string HostId,
    string Municipality,
    string Region,
    int Capacity,
    bool AcceptsChildren,
    bool ChildSafetyScreened,
    IReadOnlySet<PetKind> AcceptedPets,
    bool StepFree,
    DateOnly AvailableFrom,
    DateOnly? AvailableUntil,
    IReadOnlySet<HouseholdKind> AcceptedHouseholds,
    IReadOnlySet<string> Languages,
    Accommodation Accommodation,
    bool SmokeFree,
    bool WelcomesFamilies,
    IReadOnlySet<string> DeclinedGuests)
{
    /// <summary>Where the host's municipality lies, when it is known.</summary>
    public GeoPoint? Position { get; init; }
}

/// <summary>What a guest household needs and wishes; ids only, no names.</summary>
/// <param name="GuestId">Opaque id of the guest household.</param>
/// <param name="Adults">Adults in the household.</param>
/// <param name="Minors">Minors in the household.</param>
/// <param name="UnaccompaniedMinor">A minor without a parent or guardian in the household: never matched.</param>
/// <param name="EligibilityRecorded">The municipality recorded the household as eligible.</param>
/// <param name="Kind">Who makes up the household.</param>
/// <param name="Pets">Pets the household brings.</param>
/// <param name="NeedsStepFree">Someone cannot climb stairs.</param>
/// <param name="Languages">Languages the household speaks.</param>
/// <param name="PreferredMunicipality">Where they would like to live, if anywhere.</param>
/// <param name="PreferredRegion">Which region they would like, if any.</param>
/// <param name="WaitingSince">When they started waiting for a match.</param>
/// <param name="WishedAccommodation">The living space they would like at least.</param>
/// <param name="Smokers">Someone in the household smokes.</param>
/// <param name="RematchPriority">An earlier placement ended early; they come first.</param>
/// <param name="DeclinedHosts">Host households this household declined.</param>
public sealed record GuestHousehold(
    string GuestId,
    int Adults,
    int Minors,
    bool UnaccompaniedMinor,
    bool EligibilityRecorded,
    HouseholdKind Kind,
    IReadOnlySet<PetKind> Pets,
    bool NeedsStepFree,
    IReadOnlySet<string> Languages,
    string? PreferredMunicipality,
    string? PreferredRegion,
    DateOnly WaitingSince,
    Accommodation WishedAccommodation,
    bool Smokers,
    bool RematchPriority,
    IReadOnlySet<string> DeclinedHosts)
{
    /// <summary>Everyone who would move in.</summary>
    public int Size => Adults + Minors;

    /// <summary>Where the wished municipality lies, when there is one and it is known.</summary>
    public GeoPoint? PreferredPosition { get; init; }
}
