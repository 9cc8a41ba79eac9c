namespace RefugeeHome.Matching;

/// <summary>A point on the map, in degrees: where a municipality lies.</summary>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>
    /// The distance to <paramref name="other"/> in whole kilometres. The flat-earth approximation is off by far less
    /// than a kilometre over the distances within a country, and costs a fraction of the great-circle formula, which
    /// matters because the score is computed for every host class of every waiting household.
    /// </summary>
    public int DistanceKm(GeoPoint other)
    {
        var meanLatitude = DegreesToRadians((Latitude + other.Latitude) / 2);
        var east = DegreesToRadians(other.Longitude - Longitude) * Math.Cos(meanLatitude);
        var north = DegreesToRadians(other.Latitude - Latitude);
        return (int)Math.Round(EarthRadiusKm * Math.Sqrt((east * east) + (north * north)));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;
}
