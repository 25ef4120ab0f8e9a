/* mailerlite-steps: the Node-RED editor side of the palette. Included as it is in the
 * generated mailerlite-steps.html, after the JSON element that holds the declarations
 * (id "mailerlite-steps-palette"): this script registers the account config node and one
 * node type per step template from that data, with typed inputs and the live preview. */
(function () {
  'use strict';
  var holder = $('script#mailerlite-steps-palette').last();
  var data = JSON.parse(holder.text());
  var ACCOUNT = data.account.type;

  function accountLabel(account) {
    if (account.name) return account.name;
    return 'MailerLite ' + account.api + (account.groupId ? ' · group ' + account.groupId : '');
  }

  RED.nodes.registerType(ACCOUNT, {
    category: 'config',
    defaults: {
      name: { value: '' },
      api: { value: data.account.defaults.api, required: true, validate: function (v) { return v === 'new' || v === 'classic'; } },
      baseUrl: { value: '', validate: RED.validators.regex(/^(|https?:\/\/[^\/\s?#@]+\/?)$/) },
      groupId: { value: '', validate: RED.validators.regex(/^[0-9]*$/) },
      optinFormUrl: { value: '' },
      groupName: { value: data.account.defaults.groupName }
    },
    credentials: {
      apiKey: { type: 'password' }
    },
    label: function () { return accountLabel(this); }
  });

  /** The account as the dialog holds it now (saved or not), for the preview. */
  function accountFields(id) {
    var account = id ? RED.nodes.node(id) : null;
    if (!account) return {};
    return { api: account.api, baseUrl: account.baseUrl, groupId: account.groupId, optinFormUrl: account.optinFormUrl, groupName: account.groupName };
  }

  /** A request as text: the request line, the headers, a blank line and the JSON body. */
  function requestText(request) {
    var lines = [request.method + ' ' + request.url];
    Object.keys(request.headers).forEach(function (name) { lines.push(name + ': ' + request.headers[name]); });
    if (request.body !== null && request.body !== undefined) lines.push('', JSON.stringify(request.body, null, 2));
    return lines.join('\n');
  }

  function answerText(answer) {
    var lines = [];
    if (answer.problem) lines.push('Problem: ' + answer.problem, '');
    if (answer.request) lines.push(requestText(answer.request));
    if (answer.missing) lines.push('Not sent: ' + data.invalidInput + ' (missing ' + answer.missing.join(', ') + ')');
    if (answer.invalid) {
      lines.push('Not sent: ' + data.invalidInput);
      answer.invalid.forEach(function (item) { lines.push('  ' + item.name + ': ' + item.message); });
    }
    return lines.join('\n');
  }

  function preview(type) {
    var shown = $('.mailerlite-steps-preview[data-type="' + type.type + '"]');
    var values = {};
    $('.mailerlite-steps-try').each(function () { values[$(this).attr('data-input')] = $(this).val(); });
    var body = { account: accountFields($('#node-input-account').val()), values: values };
    $.ajax({
      url: 'mailerlite-steps/preview/' + type.type,
      method: 'POST',
      contentType: 'application/json',
      data: JSON.stringify(body),
      dataType: 'json'
    }).done(function (answer) {
      shown.text(answerText(answer));
    }).fail(function (xhr) {
      var message = xhr.responseJSON && xhr.responseJSON.message ? xhr.responseJSON.message : xhr.status + ' ' + xhr.statusText;
      shown.text('No preview: ' + message);
    });
  }

  function debounced(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  data.types.forEach(function (type) {
    var defaults = {
      name: { value: '' },
      account: { value: '', type: ACCOUNT, required: true }
    };
    type.inputs.forEach(function (input) {
      defaults[input.property] = { value: input.defaultSource.value, required: true, validate: RED.validators.typedInput(input.typeProperty) };
      defaults[input.typeProperty] = { value: input.defaultSource.type };
    });
    RED.nodes.registerType(type.type, {
      category: data.category,
      color: data.color,
      defaults: defaults,
      inputs: 1,
      outputs: type.outputs.length,
      outputLabels: type.outputs.slice(),
      icon: 'font-awesome/fa-envelope-o',
      paletteLabel: type.label,
      label: function () { return this.name || type.label; },
      labelStyle: function () { return this.name ? 'node_label_italic' : ''; },
      oneditprepare: function () {
        type.inputs.forEach(function (input) {
          $('#node-input-' + input.property).typedInput({
            default: input.defaultSource.type,
            types: data.sourceTypes.slice(),
            typeField: '#node-input-' + input.typeProperty
          });
        });
        var refresh = debounced(function () { preview(type); }, 200);
        $('#node-input-account').on('change', refresh);
        $('.mailerlite-steps-try').on('input', refresh);
        preview(type);
      }
    });
  });
})();
