namespace RefugeeHome.Matching;

/// <summary>Why a host can never be proposed to a guest household.</summary>
public enum Exclusion
{
    /// <summary>The guest household is not eligible (yet).</summary>
    NotEligible,

    /// <summary>A minor without a parent or guardian: guardianship, never a match.</summary>
    UnaccompaniedMinor,

    /// <summary>More people than the host has room for.</summary>
    Capacity,

    /// <summary>Minors, and the host does not accept children.</summary>
    ChildrenNotAccepted,

    /// <summary>Minors, and the host's child-safety screening is not recorded.</summary>
    ChildSafetyNotScreened,

    /// <summary>A pet the host does not accept.</summary>
    PetNotAccepted,

    /// <summary>Step-free access needed and not offered.</summary>
    NotStepFree,

    /// <summary>The host is not available yet.</summary>
    NotAvailableYet,

    /// <summary>The host is not available for the minimum stay.</summary>
    AvailableTooShort,

    /// <summary>The host does not accept this kind of household.</summary>
    HouseholdKindNotAccepted,

    /// <summary>One of them declined the other before, or they were placed together before.</summary>
    DeclinedBefore,
}

/// <summary>The rules no proposal may break. Each excluded pair is told by the first rule it breaks.</summary>
public static class HardRules
{
    /// <summary>The first rule that rules <paramref name="host"/> out for <paramref name="guest"/>, or null when none does.</summary>
    public static Exclusion? FirstBroken(GuestHousehold guest, HostOffer host, DateOnly today, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        if (!guest.EligibilityRecorded)
        {
            return Exclusion.NotEligible;
        }

        if (guest.UnaccompaniedMinor)
        {
            return Exclusion.UnaccompaniedMinor;
        }

        if (host.Capacity < guest.Size)
        {
            return Exclusion.Capacity;
        }

        if (guest.Minors > 0 && !host.AcceptsChildren)
        {
            return Exclusion.ChildrenNotAccepted;
        }

        if (guest.Minors > 0 && options.RequireChildSafetyScreening && !host.ChildSafetyScreened)
        {
            return Exclusion.ChildSafetyNotScreened;
        }

        if (!guest.Pets.IsSubsetOf(host.AcceptedPets))
        {
            return Exclusion.PetNotAccepted;
        }

        if (guest.NeedsStepFree && !host.StepFree)
        {
            return Exclusion.NotStepFree;
        }

        if (host.AvailableFrom > today)
        {
            return Exclusion.NotAvailableYet;
        }

        if (host.AvailableUntil is { } until && until < today.AddDays(options.MinimumStayDays))
        {
            return Exclusion.AvailableTooShort;
        }

        if (!host.AcceptedHouseholds.Contains(guest.Kind))
        {
            return Exclusion.HouseholdKindNotAccepted;
        }

        return Declined(guest, host) ? Exclusion.DeclinedBefore : null;
    }

    /// <summary>True when <paramref name="guest"/> and <paramref name="host"/> declined each other before, either way.</summary>
    public static bool Declined(GuestHousehold guest, HostOffer host)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(host);
        return guest.DeclinedHosts.Contains(host.HostId) || host.DeclinedGuests.Contains(guest.GuestId);
    }
}
