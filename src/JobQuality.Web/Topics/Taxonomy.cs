namespace JobQuality.Web.Topics;

/// <summary>A term of one of the site's taxonomies.</summary>
public abstract class TaxonomyTerm
{
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public int Position { get; set; }
}

/// <summary>A dimension of job quality, such as wages or scheduling.</summary>
public sealed class Dimension : TaxonomyTerm;

/// <summary>A practitioner's field, such as workforce development or policy.</summary>
public sealed class FieldOfPractice : TaxonomyTerm;

/// <summary>The terms the site is seeded with; the migrations carry them into every database.</summary>
public static class Taxonomy
{
    public static IReadOnlyList<Dimension> Dimensions { get; } = Number(
    [
        new Dimension { Slug = "wages", Name = "Wages", Description = "Pay that covers a family's costs, rises with skill and tenure, and arrives in full and on time." },
        new Dimension { Slug = "benefits", Name = "Benefits", Description = "Health coverage, paid leave and retirement savings that workers can actually afford to use." },
        new Dimension { Slug = "scheduling", Name = "Scheduling", Description = "Hours that are stable, predictable and enough to live on, set with notice and a say." },
        new Dimension { Slug = "legal-rights", Name = "Legal rights", Description = "Workplaces that honour wage, safety, leave and anti-discrimination law, and let workers use those rights." },
        new Dimension { Slug = "equity-inclusion", Name = "Equity and inclusion", Description = "Fair access to good jobs and fair treatment in them, whatever a worker's race, gender or place." },
        new Dimension { Slug = "skills-advancement", Name = "Skills and advancement", Description = "Training on paid time and clear routes to better-paid roles." },
        new Dimension { Slug = "supportive-environment", Name = "Supportive environment", Description = "Respectful supervision, safety and a culture in which people can do their best work." },
        new Dimension { Slug = "worker-voice", Name = "Worker voice", Description = "Real ways for workers to shape decisions, from surveys and committees to unions and ownership." },
    ]);

    public static IReadOnlyList<FieldOfPractice> FieldsOfPractice { get; } = Number(
    [
        new FieldOfPractice { Slug = "workforce-development", Name = "Workforce development", Description = "Boards, training providers and intermediaries that connect people to work." },
        new FieldOfPractice { Slug = "economic-development", Name = "Economic development", Description = "Agencies and partnerships that attract, grow and keep employers in a region." },
        new FieldOfPractice { Slug = "capital-deployment", Name = "Capital deployment", Description = "Investors, lenders and CDFIs who decide which businesses get capital and on what terms." },
        new FieldOfPractice { Slug = "policy", Name = "Policy", Description = "Lawmakers, agencies and analysts who set the rules and standards of work." },
        new FieldOfPractice { Slug = "worker-advocacy", Name = "Worker advocacy", Description = "Unions, worker centers and advocates who organise and speak for working people." },
        new FieldOfPractice { Slug = "business", Name = "Business", Description = "Employers and managers who design jobs and set pay, schedules and culture." },
        new FieldOfPractice { Slug = "higher-education", Name = "Higher education", Description = "Community colleges and universities that prepare people for careers and partner with employers." },
    ]);

    private static T[] Number<T>(T[] terms)
        where T : TaxonomyTerm
    {
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i].Position = i + 1;
        }

        return terms;
    }
}
