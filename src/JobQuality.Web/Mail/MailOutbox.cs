using System.Threading.Channels;

namespace JobQuality.Web.Mail;

/// <summary>Wakes the sender when new mail is committed, so that mail goes out at once without anyone waiting on it.</summary>
public sealed class MailOutbox
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Call after committing outbox messages.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken, or after <paramref name="interval"/> on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed: time to look again.
        }
    }
}
